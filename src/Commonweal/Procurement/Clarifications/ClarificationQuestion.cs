using Commonweal.Data;

namespace Commonweal.Procurement.Clarifications;

/// <summary>
/// A question a provider asks about a published opportunity, and the commissioner's answer. Who
/// asked is kept for the audit trail only: no page or API response names the asker, so that a
/// question never tells the commissioner (or a rival) who is thinking of bidding.
/// </summary>
public sealed class ClarificationQuestion
{
    public const int QuestionMaxLength = 2000;
    public const int AnswerMaxLength = 5000;

    public Guid Id { get; set; } = NewId.Next();
    public Guid OpportunityId { get; set; }

    /// <summary>1, 2, 3… within the opportunity, in the order asked.</summary>
    public int Number { get; set; }

    public required string Question { get; set; }
    public DateTime AskedAt { get; set; }
    public Guid AskedByUserId { get; set; }
    public Guid AskedByOrganisationId { get; set; }

    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public Guid? AnsweredByUserId { get; set; }

    public bool IsAnswered => Answer is not null;
}
