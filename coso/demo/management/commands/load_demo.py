"""`coso load_demo [--if-empty]`: fill an empty database with the demo and print its accounts.

The demo is built from real 2024-2025 documents through the same actions the pages use, so it
is checked and audited like anything an officer would enter. Console text is Vietnamese: the
command is run by Vietnamese operators.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from coso.core.dates import today
from coso.demo.builder import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoBuilder, demo_summary
from coso.units.models import Unit, User

ADDRESS = "http://127.0.0.1:8000/"


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (Ban Chỉ đạo Trung ương, 34 tỉnh, tỉnh Quảng Trị...) và in tài khoản."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Không làm gì nếu cơ sở dữ liệu đã có đơn vị (vẫn in danh sách tài khoản).",
        )
        parser.add_argument(
            "--seed", type=int, default=2025, help="Hạt giống ngẫu nhiên (mặc định 2025)."
        )

    def handle(self, *args, if_empty: bool = False, seed: int = 2025, **options) -> None:
        if Unit.objects.exists():
            if not if_empty:
                raise CommandError(
                    "Cơ sở dữ liệu đã có đơn vị; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống "
                    "(dùng --if-empty để bỏ qua)."
                )
            self.stdout.write("› Cơ sở dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu.")
        else:
            started = time.monotonic()
            self.stdout.write("› Đang nạp dữ liệu mẫu...")
            with transaction.atomic():
                DemoBuilder(today=today(), seed=seed).build()
            counts = demo_summary()
            self.stdout.write(
                f"› Đã nạp: {counts['units']} đơn vị, {counts['users']} người dùng, "
                f"{counts['plans']} kế hoạch ({counts['issued']} đã ban hành), "
                f"{counts['tasks']} nhiệm vụ ({counts['overdue']} quá hạn) "
                f"trong {time.monotonic() - started:.1f} giây."
            )
        self.print_accounts()

    def print_accounts(self) -> None:
        existing = set(
            User.objects.filter(username__in=[a.username for a in DEMO_ACCOUNTS]).values_list(
                "username", flat=True
            )
        )
        accounts = [a for a in DEMO_ACCOUNTS if a.username in existing]
        if not accounts:
            return
        rows = [("Tên đăng nhập", "Mật khẩu", "Vai trò", "Đơn vị")] + [
            (a.username, DEMO_PASSWORD, a.role, a.unit_name) for a in accounts
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        self.stdout.write("")
        self.stdout.write(f"Mở {ADDRESS} và đăng nhập bằng một trong các tài khoản mẫu:")
        self.stdout.write(line)
        for i, row in enumerate(rows):
            self.stdout.write(
                "| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |"
            )
            if i == 0:
                self.stdout.write(line)
        self.stdout.write(line)
