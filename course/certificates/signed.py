"""Signed certificates as the PDFs and the register take them: each record with its code and the
text its QR code holds, signed lazily so a 10,000-row roster is not 20 MB in every print worker.

Here, not in ``course.pdf``: signing is the certificates' business; the PDF layer only lays out
what it is given (so ``course.pdf`` never imports ``course.certificates`` back).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from course.certificates.records import Certificate
from course.certificates.signing import sign


@dataclass(frozen=True)
class SignedCertificate:
    certificate: Certificate
    code: str
    qr_text: str  # the verify URL with the code, or the bare code when the site's address is unknown


class SignedCertificates(Sequence[SignedCertificate]):
    """The certificates of a roster, each signed when it is asked for.

    A list of 10,000 signed certificates with their codes and links is some 20 MB,
    copied into every worker; this holds only the records and signs one (some 50 us)
    when a worker lays it out, or when the register is written. Ed25519 signatures
    are deterministic, so every read gives the same code.
    """

    def __init__(self, records: Sequence[Certificate], private_key: Ed25519PrivateKey, site_url: str | None):
        self.records, self.private_key, self.site_url = records, private_key, site_url

    def __len__(self) -> int:
        return len(self.records)

    def _signed(self, record: Certificate) -> SignedCertificate:
        code = sign(record, self.private_key)
        return SignedCertificate(record, code, verify_link(code, self.site_url))

    @overload
    def __getitem__(self, index: int) -> SignedCertificate: ...

    @overload
    def __getitem__(self, index: slice) -> list[SignedCertificate]: ...

    def __getitem__(self, index: int | slice) -> SignedCertificate | list[SignedCertificate]:
        if isinstance(index, slice):
            return [self._signed(record) for record in self.records[index]]
        return self._signed(self.records[index])


def verify_link(code: str, site_url: str | None) -> str:
    return f"{site_url.rstrip('/')}/bekraeft.html#{code}" if site_url else code
