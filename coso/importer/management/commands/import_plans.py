"""Import plans from their documents: one file, or every .txt, .docx and .pdf of a folder.

    coso import_plans ke-hoach.docx --unit 12 --user canbo
    coso import_plans van-ban/ --unit 12 --dry-run

Each document is read, parsed and saved as a draft plan of the unit, as the preview would save
it without corrections. With --dry-run nothing is saved: the command shows what it found.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from coso.units.models import Unit, User

from ...matching import UnitIndex
from ...save import data_from_extraction, save_import

SUFFIXES = (".txt", ".docx", ".pdf")


class Command(BaseCommand):
    help = "Nhập kế hoạch, chương trình từ văn bản (.txt, .docx, .pdf): một tệp hoặc cả thư mục."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="Tệp hoặc thư mục")
        parser.add_argument("--unit", type=int, required=True, help="Mã đơn vị ban hành")
        parser.add_argument(
            "--user", default="", help="Tên đăng nhập người nhập (mặc định: quản trị hệ thống)"
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đọc, không lưu")

    def handle(self, *args, path: str, unit: int, user: str, dry_run: bool, **options) -> None:
        from ...parse import parse, read_file

        target = Path(path)
        if target.is_dir():
            files = sorted(p for p in target.iterdir() if p.suffix.lower() in SUFFIXES)
        elif target.is_file():
            files = [target]
        else:
            raise CommandError(f"Không tìm thấy {path}.")
        if not files:
            raise CommandError(f"Không có tệp .txt, .docx hay .pdf nào trong {path}.")
        the_unit = Unit.objects.filter(pk=unit).first()
        if the_unit is None:
            raise CommandError(f"Không có đơn vị mã {unit}.")
        by = self._user(user)
        index = UnitIndex.around(the_unit)
        saved = failed = 0
        total = len(files)
        width = len(str(total))
        for n, file in enumerate(files, start=1):
            prefix = f"[{n:>{width}}/{total}] {file.name}"
            started = time.perf_counter()
            try:
                extraction = parse(read_file(file.name, file.read_bytes()))
            except (ValueError, OSError) as exc:
                failed += 1
                self.stdout.write(self.style.ERROR(f"{prefix}: không đọc được ({exc})"))
                continue
            found = (
                f"{len(extraction.tasks)} nhiệm vụ, {len(extraction.bases)} căn cứ, "
                f"{len(extraction.sections)} mục ({time.perf_counter() - started:.2f} s)"
            )
            data = data_from_extraction(extraction, the_unit)
            if data is None or not data.tasks:
                failed += 1
                why = "không có ngày ban hành" if data is None else "không tìm thấy nhiệm vụ"
                self.stdout.write(self.style.WARNING(f"{prefix}: {found}; bỏ qua: {why}"))
                continue
            if dry_run:
                self.stdout.write(f"{prefix}: {found}")
                continue
            try:
                plan = save_import(data, by=by, unit=the_unit, index=index)
            except (ValidationError, PermissionDenied) as exc:
                failed += 1
                message = "; ".join(getattr(exc, "messages", [str(exc)]))
                self.stdout.write(self.style.ERROR(f"{prefix}: {found}; không lưu được: {message}"))
                continue
            saved += 1
            self.stdout.write(self.style.SUCCESS(f"{prefix}: {found}; đã lưu kế hoạch #{plan.pk}"))
        verb = "đọc thử" if dry_run else "lưu"
        done = total - failed if dry_run else saved
        self.stdout.write(f"Xong: {verb} {done}/{total} tệp, {failed} tệp lỗi hoặc bỏ qua.")

    def _user(self, username: str) -> User:
        if username:
            user = User.objects.filter(username=username, is_active=True).first()
            if user is None:
                raise CommandError(f"Không có người dùng {username}.")
            return user
        user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if user is None:
            raise CommandError("Chưa có quản trị hệ thống: dùng --user.")
        return user
