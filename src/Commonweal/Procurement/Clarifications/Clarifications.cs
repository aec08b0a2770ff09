using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Procurement.Bids;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement.Clarifications;

/// <summary>A question as one viewer may see it: never who asked, only whether it was their own organisation.</summary>
public sealed record ClarificationView(Guid Id, int Number, string Question, DateTime AskedAt, string? Answer, DateTime? AnsweredAt, bool AskedByYourOrganisation);

/// <summary>
/// Clarification questions: a member of a provider organisation asks before the clarification
/// deadline; a commissioner of the opportunity answers; answered questions are published to
/// everyone. An unanswered question is seen only by the opportunity's commissioners and by the
/// organisation that asked it.
/// </summary>
public static class Clarifications
{
    public static async Task<(BidResult Result, ClarificationQuestion? Question)> AskAsync(
        CommonwealDbContext db, Opportunity o, BidViewer viewer, Guid? organisationId, string? text, DateTime now, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return (BidResult.Fail(BidErrors.SignInRequired, "Sign in to ask a question."), null);
        }

        var asking = organisationId ?? (viewer.Memberships.Select(m => m.OrganisationId).Distinct().Count() == 1 ? viewer.Memberships.First().OrganisationId : null);
        if (asking is null)
        {
            return (BidResult.Fail(BidErrors.Invalid, "Select the organisation you are asking for", "organisationId"), null);
        }

        if (!viewer.IsMemberOf(asking.Value) || o.Commissioners.Any(c => c.OrganisationId == asking))
        {
            return (BidResult.Fail(BidErrors.NotAllowed, "Only members of a provider organisation can ask clarification questions.", "organisationId"), null);
        }

        if (!o.IsPublic || o.Status != OpportunityStatus.Published)
        {
            return (BidResult.Fail(BidErrors.NotOpen, "Questions can be asked only while the opportunity is open for bids."), null);
        }

        if (now >= o.ClarificationDeadline)
        {
            return (BidResult.Fail(BidErrors.ClarificationDeadlinePassed, $"The deadline for clarification questions was {When(o.ClarificationDeadline)}."), null);
        }

        if (Check(text, "Enter your question", "Question", ClarificationQuestion.QuestionMaxLength, "question") is { } invalid)
        {
            return (invalid, null);
        }

        var number = (await db.ClarificationQuestions.Where(q => q.OpportunityId == o.Id).MaxAsync(q => (int?)q.Number, cancellationToken) ?? 0) + 1;
        var question = new ClarificationQuestion
        {
            OpportunityId = o.Id, Number = number, Question = text!.Trim(), AskedAt = now,
            AskedByUserId = viewer.UserId!.Value, AskedByOrganisationId = asking.Value,
        };
        db.ClarificationQuestions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return (BidResult.Ok, question);
    }

    public static async Task<BidResult> AnswerAsync(
        CommonwealDbContext db, Opportunity o, BidViewer viewer, Guid questionId, string? text, DateTime now, CancellationToken cancellationToken = default)
    {
        if (!viewer.CommissionsFor(o))
        {
            return BidResult.Fail(BidErrors.NotAllowed, "Only the opportunity's commissioners can answer its questions.");
        }

        var question = await db.ClarificationQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.OpportunityId == o.Id, cancellationToken);
        if (question is null)
        {
            return BidResult.Fail(BidErrors.NotFound, "Question not found.");
        }

        if (question.IsAnswered)
        {
            return BidResult.Fail(BidErrors.AlreadyAnswered, "The question has already been answered, and the answer published.");
        }

        if (Check(text, "Enter the answer", "Answer", ClarificationQuestion.AnswerMaxLength, "answer") is { } invalid)
        {
            return invalid;
        }

        question.Answer = text!.Trim();
        question.AnsweredAt = now;
        question.AnsweredByUserId = viewer.UserId;
        await db.SaveChangesAsync(cancellationToken);
        return BidResult.Ok;
    }

    /// <summary>Answered questions for everyone; unanswered ones for the commissioners and for the organisation that asked.</summary>
    public static async Task<IReadOnlyList<ClarificationView>> VisibleAsync(CommonwealDbContext db, Opportunity o, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var commissioner = viewer.IsSignedIn && viewer.CommissionsFor(o);
        var mine = viewer.IsSignedIn ? viewer.Memberships.Select(m => m.OrganisationId).Distinct().ToList() : [];
        var questions = await db.ClarificationQuestions.AsNoTracking()
            .Where(q => q.OpportunityId == o.Id && (q.Answer != null || commissioner || mine.Contains(q.AskedByOrganisationId)))
            .OrderBy(q => q.Number)
            .ToListAsync(cancellationToken);
        return [.. questions.Select(q => new ClarificationView(q.Id, q.Number, q.Question, q.AskedAt, q.Answer, q.AnsweredAt, mine.Contains(q.AskedByOrganisationId)))];
    }

    public static bool CanAsk(Opportunity o, BidViewer viewer, DateTime now) =>
        viewer.IsSignedIn && o.IsPublic && o.Status == OpportunityStatus.Published && now < o.ClarificationDeadline
        && viewer.Memberships.Any(m => m.Role != MembershipRole.Commissioner && o.Commissioners.All(c => c.OrganisationId != m.OrganisationId));

    public static string When(DateTime utc) =>
        Timetable.UkLocal(utc).ToString("HH:mm 'on' d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static BidResult? Check(string? text, string missing, string name, int max, string field) =>
        string.IsNullOrWhiteSpace(text) ? BidResult.Fail(BidErrors.Invalid, missing, field)
        : text.Trim().Length > max ? BidResult.Fail(BidErrors.Invalid, $"{name} must be {max:N0} characters or fewer", field)
        : null;
}
