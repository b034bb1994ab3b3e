"""The interfaces (typing.Protocol) the domain needs from the world.

Adapters do not inherit from these; mypy checks conformance where an adapter is passed as a port.
Each method's docstring lists the domain errors (`TarotError` kinds) it may raise.
"""
