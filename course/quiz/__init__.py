"""Opspor's quiz component for Python-Markdown: ``<quiz>`` blocks become accessible forms.

Registered by name (``course.quiz``) in every shell's page extensions (course/site/page_markdown.py),
so quizzes do not depend on one site generator. The browser
half is ``course/site/assets/opspor-quiz.js``, which writes into the one learner record.
"""

from course.quiz.extension import QuizExtension, makeExtension

__all__ = ["QuizExtension", "makeExtension"]
