# Written by hand: a read-only view for the reporting database user, and the labels every
# installation starts with.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('features', '0012_booklabel_through'),
    ]

    operations = [
        migrations.RunSQL(
            sql="""
                -- What the reporting user may read: books in print with their author.
                CREATE VIEW features_book_catalogue AS
                    SELECT b.id, b.title, a.full_name AS author, b.published
                      FROM features_book b
                      JOIN features_author a ON a.id = b.author_id
                     WHERE b.in_print;
                COMMENT ON VIEW features_book_catalogue IS 'Books in print; 100% read-only';
            """,
            reverse_sql="DROP VIEW features_book_catalogue;",
        ),
        migrations.RunSQL(
            sql=[
                ("INSERT INTO features_labels (name) VALUES (%s), (%s)", ["fiction", "poetry"]),
                ("UPDATE features_labels SET name = %s WHERE name LIKE %s", ["children's", "kid%"]),
            ],
            reverse_sql=[
                ("DELETE FROM features_labels WHERE name IN (%s, %s, %s)", ["fiction", "poetry", "children's"]),
            ],
        ),
    ]
