from django.conf import settings
from django.db import connection, migrations, models
import django.db.models.deletion
import uuid


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='Event',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('payload', models.JSONField(blank=True, default=dict)),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('object_id', models.PositiveIntegerField(db_index=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
            ],
            options={
                'ordering': ('-id',),
                'verbose_name': 'event',
                'verbose_name_plural': 'events',
                'indexes': [models.Index(fields=['object_id', 'content_type'], name='audit_event_obj_idx')],
            },
            bases=(models.Model,),
        ),
    ]

    if connection.vendor == "postgresql":
        operations += [
            migrations.RunSQL(
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_event_payload_gin "
                "ON audit_event USING gin (payload);",
                reverse_sql="DROP INDEX IF EXISTS audit_event_payload_gin;",
            ),
        ]
    elif connection.vendor in {"mysql", "mariadb"}:
        operations.append(migrations.RunSQL(migrations.RunSQL.noop))
    else:
        pass

    operations += [
        migrations.AddConstraint(
            model_name='event',
            constraint=models.CheckConstraint(check=models.Q(object_id__gte=0), name='audit_event_object_id_gte_0'),
        ),
    ]
