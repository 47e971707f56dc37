"""Packages for other systems: SCORM for an LMS, an offline zip, QTI question banks.

Every package is made from the course model and a site built from it; nothing here
reads the authored source files.
"""
