"""A software passkey device for tests (#16): real P-256 keys (``cryptography``), real CBOR
attestation objects (``fmt: none``) and real ECDSA assertions, built the way an authenticator
and a browser build them, so that py_webauthn verifies them with nothing mocked.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import struct
from base64 import urlsafe_b64decode, urlsafe_b64encode
from dataclasses import dataclass, field
from typing import Any

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

UP, UV, AT = 0x01, 0x04, 0x40


def b64(raw: bytes) -> str:
    return urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Credential:
    id: bytes
    key: ec.EllipticCurvePrivateKey
    rp_id: str
    user_handle: bytes
    sign_count: int = 0


@dataclass
class Device:
    """One authenticator (a phone's screen lock): holds discoverable credentials by site."""

    origin: str
    credentials: list[Credential] = field(default_factory=list)
    user_verified: bool = True

    def _client_data(self, kind: str, challenge: str, origin: str | None) -> bytes:
        data = {"type": kind, "challenge": challenge, "origin": origin or self.origin}
        return json.dumps({**data, "crossOrigin": False}).encode()

    def create(self, options: dict[str, Any], *, origin: str | None = None) -> dict[str, Any]:
        """``navigator.credentials.create`` with the server's options (JSON), as JSON."""
        rp_id = options["rp"]["id"]
        excluded = {c["id"] for c in options.get("excludeCredentials", [])}
        if any(b64(c.id) in excluded for c in self.credentials):
            raise RuntimeError("InvalidStateError: this device already holds a passkey")
        key = ec.generate_private_key(ec.SECP256R1())
        numbers = key.public_key().public_numbers()
        cose = {1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32), -3: numbers.y.to_bytes(32)}
        credential = Credential(secrets.token_bytes(16), key, rp_id, unb64(options["user"]["id"]))
        self.credentials.append(credential)
        auth_data = (
            hashlib.sha256(rp_id.encode()).digest()
            + bytes([UP | AT | (UV if self.user_verified else 0)])
            + struct.pack(">I", 0)
            + bytes(16)  # the AAGUID: an unknown make
            + struct.pack(">H", len(credential.id))
            + credential.id
            + cbor2.dumps(cose)
        )
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        client_data = self._client_data("webauthn.create", options["challenge"], origin)
        return {
            "id": b64(credential.id),
            "rawId": b64(credential.id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64(client_data),
                "attestationObject": b64(attestation),
                "transports": ["internal"],
            },
            "clientExtensionResults": {},
        }

    def get(
        self,
        options: dict[str, Any],
        *,
        origin: str | None = None,
        credential: Credential | None = None,
        rp_id: str | None = None,
    ) -> dict[str, Any]:
        """``navigator.credentials.get`` (the first passkey for the site, or ``credential``)."""
        rp = rp_id or options["rpId"]
        chosen = credential or next(c for c in self.credentials if c.rp_id == rp)
        chosen.sign_count += 1
        auth_data = (
            hashlib.sha256(rp.encode()).digest()
            + bytes([UP | (UV if self.user_verified else 0)])
            + struct.pack(">I", chosen.sign_count)
        )
        client_data = self._client_data("webauthn.get", options["challenge"], origin)
        signed = auth_data + hashlib.sha256(client_data).digest()
        signature = chosen.key.sign(signed, ec.ECDSA(hashes.SHA256()))
        return {
            "id": b64(chosen.id),
            "rawId": b64(chosen.id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64(client_data),
                "authenticatorData": b64(auth_data),
                "signature": b64(signature),
                "userHandle": b64(chosen.user_handle),
            },
            "clientExtensionResults": {},
        }
