"""Settings, read from KARTREKKER_* environment variables."""

from functools import lru_cache

from fastapi import Request
from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class OidcUitgever(BaseModel):
    """An identity provider whose tokens Kartrekker accepts (Entra ID, Keycloak, …)."""

    issuer: str = Field(description="The exact `iss` of its tokens.")
    audience: str = Field(description="The `aud` tokens must carry for Kartrekker.")
    jwks_uri: str | None = Field(
        default=None, description="Where its signing keys are; found by discovery when empty."
    )
    algorithms: list[str] = Field(default_factory=lambda: ["RS256"], min_length=1)
    client_ids: list[str] = Field(
        default_factory=list,
        description="Clients allowed as `azp` (authorised party); empty: any client.",
    )
    email_claim: str = Field(default="email", description="The claim that names the persoon.")
    key_refresh_cooldown: float = Field(
        default=30,
        ge=0,
        description="Seconds between two fetches of its keys for an unknown `kid` (rotation), "
        "so that forged kids cannot make Kartrekker hammer the provider.",
    )


class Settings(BaseSettings):
    """Everything an operator can set; each field is the variable KARTREKKER_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="KARTREKKER_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///kartrekker.db",
        description="SQLAlchemy URL: a SQLite file, or postgresql+psycopg://… for PostgreSQL.",
    )
    database_pool_size: int = Field(
        default=10, ge=1, le=1000, description="Connections each process keeps open."
    )
    database_max_overflow: int = Field(
        default=10, ge=0, le=1000, description="Extra connections each process may open."
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="Origins (intranets) that may call the API from a browser.",
    )
    contact_name: str = Field(default="Kartrekker", description="Contact in the OpenAPI document.")
    contact_url: str = Field(default="https://kartrekker.example")
    contact_email: str = Field(default="api@kartrekker.example")
    oidc_issuers: list[OidcUitgever] = Field(
        default_factory=list, description="Identity providers, as a JSON list."
    )
    beheerders: list[str] = Field(
        default_factory=list, description="E-mail addresses of people who administer everything."
    )
    public_base_url: str | None = Field(
        default=None,
        description="Where clients reach this installation; when empty, the base URL of each "
        "request (calendar links) or http://127.0.0.1:8000 (links in webhooks).",
    )
    installatie: str = Field(
        default="kartrekker", description="Name of this installation, in event sources."
    )
    worker_in_process: bool = Field(
        default=True, description="Deliver webhooks from a thread in the API process."
    )
    webhooks_allow_private: bool = Field(
        default=False, description="Allow webhook sinks on private addresses and plain http."
    )
    aanroeper_geheugen_seconden: float = Field(
        default=5.0,
        ge=0,
        le=300,
        description="How long a process remembers the caller of a key or token; a change to "
        "keys or memberships is seen at once in the process that made it, and within this "
        "time in the others. 0: look up every request.",
    )
    groepen_opwarmen: bool = Field(
        default=True,
        description="Load (or compile) the group search at start, beside the first requests.",
    )
    log_sql: bool = Field(default=False, description="Log every SQL statement (debugging).")


def instellingen(request: Request) -> Settings:
    """The settings of the app serving `request` (tests give an app its own)."""
    settings: Settings = request.app.state.settings
    return settings


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
