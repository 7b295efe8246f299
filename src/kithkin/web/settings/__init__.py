"""Your profile (onboarding and Settings) and your circles."""
