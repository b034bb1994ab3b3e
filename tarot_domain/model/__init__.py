"""Domain model: frozen value types and pure rules. Imports the standard library and attrs only."""
