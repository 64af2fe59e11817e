"""Test doubles that speak real protocols.

``openai_server`` holds the fault-injecting OpenAI-compatible server; import
from it directly (``from tests.fakes.openai_server import FakeOpenAI``). This
package deliberately imports nothing, so that ``python -m
tests.fakes.openai_server`` does not load the module twice.
"""
