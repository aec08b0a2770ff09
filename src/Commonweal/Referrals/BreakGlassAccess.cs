using Commonweal.Data;

namespace Commonweal.Referrals;

public enum BreakGlassReview
{
    Justified,
    NotJustified,
}

/// <summary>
/// Access to a person's record by someone outside their care team, for a declared reason (an
/// emergency, a safeguarding enquiry). It lasts a short time, is shown to platform admins for
/// review and appears in the person's access report.
/// </summary>
public sealed class BreakGlassAccess
{
    public const int ReasonMinLength = 20;
    public const int ReasonMaxLength = 1_000;
    public static readonly TimeSpan Lasts = TimeSpan.FromHours(1);

    public Guid Id { get; set; } = NewId.Next();
    public Guid PersonId { get; set; }
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public required string Reason { get; set; }
    public DateTime DeclaredAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public BreakGlassReview? Review { get; set; }
    public string? ReviewNote { get; set; }

    public bool IsActive(DateTime now) => DeclaredAt <= now && now < ExpiresAt;
}
