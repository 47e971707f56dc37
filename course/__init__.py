"""Opspor: compile Markdown modules and YAML scenarios into an offline course.

Data flows one way: sources (``loading``) -> validated model (``model``,
``validation``) -> outputs (``site``, and later ``pdf`` and ``packaging``).
"""

__version__ = "0.1.0"
