"""Field validators for organisations."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def validate_cvr(value: str) -> None:
    """A Danish CVR number is 8 digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11. Only the form is
    checked: no call to the CVR register."""
    if not value:
        return
    if len(value) != 8 or not value.isdigit() or value[0] == "0":
        raise ValidationError(_("Et CVR-nummer består af 8 cifre (uden mellemrum)."), code="cvr_format")
    if sum(int(d) * w for d, w in zip(value, CVR_WEIGHTS, strict=True)) % 11:
        raise ValidationError(_("CVR-nummeret er ikke gyldigt. Tjek, at du har skrevet det rigtigt."),
                              code="cvr_checksum")
