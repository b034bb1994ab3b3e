"""Content: language-neutral structure (`structure/`) and one pack per language (`en/`, `uk/`, ...).

A pack holds every string a user sees in that language: messages, bot texts, card names with the grammar a
sentence needs, card knowledge, deck traditions, phrase tables, safety texts and the LLM prompt. Packs are
Python data modules (literals only), imported lazily, one language at a time.
"""
