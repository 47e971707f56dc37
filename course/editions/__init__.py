"""Local editions: a municipality's (or region's, police district's, school's) own beredskab,
contacts and procedures inside the national course, without forking it.

- :mod:`course.editions.model`: the ``edition.yml`` format (pydantic) and the loaded edition;
- :mod:`course.editions.loading`: reading and checking an edition folder against the course,
  every problem as ``path:line: message``;
- :mod:`course.editions.phones`: which phone numbers an edition may give;
- :mod:`course.editions.logo`: what a logo file may be.

An edition may fill slots and add pages, contacts and scenarios; it never replaces national text.
"""
