"""Reference vocabularies that several apps share (areas, towns of Rudersdal)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    """A municipal area (fagområde). The first four are the steering group's areas."""

    EMPLOYMENT = "employment", _("Beskæftigelse")
    SOCIAL = "social", _("Social")
    ELDERLY = "elderly", _("Ældre og sundhed")
    CULTURE = "culture", _("Kultur og fritid")
    CHILDREN = "children", _("Børn og unge")
    NATURE = "nature", _("Natur og miljø")


STEERING_AREAS = (Area.EMPLOYMENT, Area.SOCIAL, Area.ELDERLY, Area.CULTURE)


class Town(models.TextChoices):
    """Towns and areas of Rudersdal Kommune."""

    HOLTE = "holte", "Holte"
    NAERUM = "naerum", "Nærum"
    BIRKEROED = "birkeroed", "Birkerød"
    VEDBAEK = "vedbaek", "Vedbæk"
    TROEROED = "troeroed", "Trørød"
    SKODSBORG = "skodsborg", "Skodsborg"
    GL_HOLTE = "gl_holte", "Gl. Holte"
    OEVEROED = "oeveroed", "Øverød"
    BISTRUP = "bistrup", "Bistrup"
    KAJEROED = "kajeroed", "Kajerød"
    WHOLE = "whole", _("Hele kommunen")
