"""The claims ledger: which sentences of a course rest on which primary source, and until when.

``claims.yml`` (beside ``glossary.yml``) lists what the course states about law, deadlines,
phone numbers and statistics, with the source and a ``review_by`` date. ``check`` finds every
such claim token in the course text (:mod:`course.claims.tokens`) and reports those no
ledger entry covers (:mod:`course.claims.coverage`), so a change in the law can be traced to
every sentence it touches.
"""
