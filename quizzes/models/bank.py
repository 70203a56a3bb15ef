"""
The question bank: questions are snippets with drafts, revisions, a workflow, a category
and tags, edited by trainers under "Question bank" (``quizzes.viewsets``). Attempts never
point at a question's live content: they keep a frozen copy (``AttemptQuestion``).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES, QuestionBodyBlock, QuestionType


class QuestionCategory(models.Model):
    """A shelf of the question bank ("Judaism", "Hate crime"); quizzes can draw at random from one."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.CharField(_("description"), max_length=250, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey("quizzes.Question", on_delete=models.CASCADE, related_name="tagged_items")


class Question(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """
    One question in the bank. Its type is the one block in ``body`` (single choice,
    multiple response, true or false, matching, short text, scenario). Quizzes use only
    published (live) questions; changes go through the "Course approval" workflow.
    """

    title = models.CharField(
        _("name"),
        max_length=200,
        unique=True,
        help_text=_("For trainers only, to find the question again. Officers see the question text."),
    )
    category = models.ForeignKey(
        QuestionCategory, on_delete=models.PROTECT, related_name="questions", verbose_name=_("category")
    )
    tags = ClusterTaggableManager(through=QuestionTag, blank=True, verbose_name=_("tags"))
    prompt = models.TextField(_("question"), max_length=600)
    body = StreamField(QuestionBodyBlock(), verbose_name=_("answers"))
    explanation = RichTextField(
        _("explanation"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Why the right answer is right. Shown when the quiz's review settings allow."),
    )
    marks = models.PositiveSmallIntegerField(
        _("marks"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    question_type = models.CharField(_("type"), max_length=30, choices=QuestionType.CHOICES, editable=False)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="question")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="question",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("marks")]),
        FieldPanel("tags"),
        FieldPanel("prompt"),
        FieldPanel("body"),
        FieldPanel("explanation"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("prompt"),
        index.AutocompleteField("title"),
        index.AutocompleteField("prompt"),
        index.FilterField("question_type"),
        index.FilterField("category"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["category__name", "title"]
        # Wagtail adds these for draft and lockable snippets after migrating; declared here
        # so that the roles migration can grant them.
        permissions = [
            ("publish_question", "Can publish question"),
            ("lock_question", "Can lock question"),
            ("unlock_question", "Can unlock question"),
        ]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def save(self, *args, **kwargs):
        # Derived from the one block in the body, so the listing can filter by type.
        if self.body:
            self.question_type = self.body[0].block_type
        super().save(*args, **kwargs)
