from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_completion_period_provenance_and_renewal_date"),
    ]

    operations = [
        migrations.AlterField(
            model_name="coursecompletion",
            name="valid_from",
            field=models.DateField(verbose_name="valid from"),
        ),
    ]
