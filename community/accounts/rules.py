"""The account rules a deployment chooses (ages, lengths, hashing) in one value."""

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.low_level import Type

from community.reference import ReferenceData


@dataclass(frozen=True)
class AccountRules:
    """Settings the account services need, built once by the app from its config."""

    reference: ReferenceData
    hasher: PasswordHasher
    age_min: int = 15
    age_max: int = 35
    password_min: int = 10
    password_max: int = 128
    avatar_max_bytes: int = 2 * 1024 * 1024
    avatar_size_px: int = 256
    description_max: int = 1000
    allow_test_email_domains: bool = False


def make_hasher(time_cost: int, memory_kib: int, parallelism: int) -> PasswordHasher:
    """An argon2id hasher with the given cost."""
    return PasswordHasher(
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=parallelism,
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )
