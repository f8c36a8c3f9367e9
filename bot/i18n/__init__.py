"""Translation catalogs: extracting response texts from domain.yml and loading translations."""
