"""The pool from Recommendation 3 (clearly demo amounts) with a round open now and demo cases."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from frivillig.accounts.models import Organisation, User
from frivillig.core import workflow as wf

from .models import BudgetLine, Criterion, GrantApplication, GrantStatusChange, Pool, Round, Status

PURPOSE = ("Puljen støtter lokale frivillige aktiviteter økonomisk – også forsøg og eksperimenter i partnerskab med "
           "kommunens institutioner (Anbefaling 3 fra §17.4-udvalget).")


def load_demo():
    pool, created = Pool.objects.get_or_create(slug="lokale-frivillige-aktiviteter", defaults={
        "name": "Puljen til lokale frivillige aktiviteter (demo)", "purpose": PURPOSE,
        "who_may_apply": "Foreninger, grupper og borgere i Rudersdal Kommune.", "area": "culture",
        "max_amount": Decimal("25000"), "yearly_budget": Decimal("300000"), "report_days_after_end": 60})
    if created:
        for i, name in enumerate(["Aktiviteten styrker fællesskabet lokalt", "Frivillige har en central rolle",
                                  "Samarbejde med kommunens institutioner", "Realistisk budget"], start=1):
            Criterion.objects.create(pool=pool, name=name, order=i)
    now = timezone.now()
    Round.objects.get_or_create(pool=pool, name=f"Runde {now.year} (demo)",
                                defaults={"opens_at": now - timedelta(days=30), "closes_at": now + timedelta(days=60)})
    rep = User.objects.filter(email="forening@demo.frivillig.dk").first()
    association = Organisation.objects.filter(slug="demo-holte-idraetsforening").first()
    if rep is None or GrantApplication.objects.filter(pool=pool).exists():
        return
    today = timezone.localdate()
    for title, status, amount, approved in [
        ("Motionsgruppe for nye pensionister (demo)", Status.SUBMITTED, "12000", None),
        ("Familiedag i Holte Hallen (demo)", Status.APPROVED, "20000", "20000"),
        ("Cykelværksted for unge (demo)", Status.DRAFT, "8000", None),
    ]:
        a = GrantApplication.objects.create(
            pool=pool, applicant=rep, on_behalf_of=association, contact_name=rep.full_name, contact_email=rep.email,
            title=title, description="Et demo-projekt.", purpose="At samle folk.", target_group="Alle",
            expected_participants=40, place="Holte", starts_on=today + timedelta(days=30),
            ends_on=today + timedelta(days=60), amount_requested=Decimal(amount), consent=True, status=status,
            submitted_at=None if status == Status.DRAFT else now, approved_amount=approved and Decimal(approved),
            decided_at=now if approved else None, budget_year=now.year if approved else None,
            report_due_on=today + timedelta(days=120) if approved else None)
        BudgetLine.objects.create(application=a, description="Leje af udstyr", amount=Decimal(amount))
        wf.start(a, actor=None, log_model=GrantStatusChange, reason="Demo")
