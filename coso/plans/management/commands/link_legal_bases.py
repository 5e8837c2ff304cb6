"""Link the legal bases of existing plans to the texts of the library, by number."""

from django.core.management.base import BaseCommand

from coso.plans.legal_bases import link_bases
from coso.plans.models import PlanBasis


class Command(BaseCommand):
    help = "Link plans' free-text legal bases to library texts by their number and symbol."

    def handle(self, *args, **options) -> None:
        linked = link_bases(PlanBasis.objects.all())
        self.stdout.write(f"{linked} legal bases linked.")
