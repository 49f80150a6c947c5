"""Open Counter: turns a council's catalogue (services.yaml, standards.yaml) into pages and leaflets.

This package has no MkDocs imports; the modules in hooks/ adapt it to MkDocs.
"""
