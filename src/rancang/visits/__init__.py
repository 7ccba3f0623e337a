"""Study-visit materials: the brief (bahan kunjungan kerja) and the report (laporan hasil kunjungan kerja)."""
