"""Пакети кредитів і підписки, за ідентифікаторами з `structure.products`."""

from collections.abc import Mapping

PRODUCTS: Mapping[str, str] = {
    "starter": "Стартовий пакет",
    "basic": "Базовий пакет",
    "premium": "Преміум-пакет",
    "professional": "Професійний пакет",
    "unlimited": "Безлімітний пакет",
    "tier-basic": "Базова підписка",
    "tier-premium": "Преміум-підписка",
    "tier-professional": "Професійна підписка",
}
