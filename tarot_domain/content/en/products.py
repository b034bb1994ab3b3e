"""Credit packs and subscription tiers, by the ids in `structure.products`."""

from collections.abc import Mapping

PRODUCTS: Mapping[str, str] = {
    "starter": "Starter pack",
    "basic": "Basic pack",
    "premium": "Premium pack",
    "professional": "Professional pack",
    "unlimited": "Unlimited pack",
    "tier-basic": "Basic subscription",
    "tier-premium": "Premium subscription",
    "tier-professional": "Professional subscription",
}
