"""Trainer-issued certificates: roster reading, signed certificate records, issuer keys.

The private key stays with the issuer (``keys/``, git-ignored); the site only
ships the public keys (``course-key.pub``) and a verify page, so anyone can
check a certificate offline and no one can mint one from the site.
"""
