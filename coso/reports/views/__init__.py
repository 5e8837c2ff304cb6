"""Pages of the reports app, one module per area: form builder, requirements, submissions,
overview (completeness, totals, trends) and exports. Each module defines its `urlpatterns`."""
