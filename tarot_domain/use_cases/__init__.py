"""Use cases: async operations over the ports. They open short units of work and never hold one
across a call to the interpreter or a payment provider."""
