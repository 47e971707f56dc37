"""Printed material made with WeasyPrint: certificates, workshop packs, module handouts.

Everything is rendered from the course model with Jinja2 HTML templates and the
project's own CSS and OFL fonts (``templates/``, ``fonts/``); WeasyPrint may read
nothing else (see ``asset_fetcher``).
"""
