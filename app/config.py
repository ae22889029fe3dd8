"""Settings, read from KARTREKKER_* environment variables."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything an operator can set; each field is the variable KARTREKKER_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="KARTREKKER_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///kartrekker.db",
        description="SQLAlchemy URL: a SQLite file, or postgresql+psycopg://… for PostgreSQL.",
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="Origins (intranets) that may call the API from a browser.",
    )
    default_page_size: int = Field(default=20, ge=1, le=100)
    max_page_size: int = Field(default=100, ge=1, le=1000)
    contact_name: str = Field(default="Kartrekker", description="Contact in the OpenAPI document.")
    contact_url: str = Field(default="https://kartrekker.example")
    contact_email: str = Field(default="api@kartrekker.example")
    log_sql: bool = Field(default=False, description="Log every SQL statement (debugging).")


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
