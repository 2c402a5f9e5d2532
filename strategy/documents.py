from django.utils import timezone

from frivillig.core import pdf

from .queries import memo_responses


@pdf.renderer("strategy.hearing_memo")
def hearing_memo(hearing):
    return pdf.Rendered(template="strategy/pdf/hearing_memo.html",
                        context={"hearing": hearing, "groups": memo_responses(hearing),
                                 "count": hearing.responses.count(), "printed": timezone.localdate()},
                        filename=f"hoeringsnotat-{hearing.slug}.pdf")


@pdf.renderer("strategy.final_strategy")
def final_strategy(process):
    draft = process.drafts.first()
    version = draft.latest() if draft else None
    return pdf.Rendered(template="strategy/pdf/final_strategy.html",
                        context={"process": process, "version": version,
                                 "sections": list(version.sections.all()) if version else []},
                        filename=f"{process.slug}.pdf")
