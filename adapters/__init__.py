"""Adapters: one package per technology, each implementing ports from `tarot_ports`."""
