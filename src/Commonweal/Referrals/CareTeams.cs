using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals;

/// <summary>Adding a colleague from any agency to a person's care team, and leaving it.</summary>
public sealed class CareTeams(CommonwealDbContext db, PersonRecords records)
{
    /// <summary>A member adds someone who works with people at an organisation; the person's consent to care team sharing must stand.</summary>
    public async Task<CareResult<CareTeamMember>> AddAsync(Guid personId, string? email, Guid? organisationId, string? role, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var facts = await records.FactsAsync(personId, cancellationToken);
        var change = PersonAccess.ChangeRecord(facts, viewer, db.Now);
        if (!change.Allowed)
        {
            return CareResult<CareTeamMember>.Fail(change.Code!, change.Reason);
        }

        role = role?.Trim();
        if (string.IsNullOrEmpty(role) || role.Length > CareTeamMember.RoleMaxLength)
        {
            return CareResult<CareTeamMember>.Invalid("role", $"Enter their role in the person's care, in {CareTeamMember.RoleMaxLength} characters or fewer");
        }

        if (organisationId is null)
        {
            return CareResult<CareTeamMember>.Invalid("organisationId", "Select the organisation they act for");
        }

        var normalised = email?.Trim().ToUpperInvariant();
        var user = string.IsNullOrEmpty(normalised) ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalised, cancellationToken);
        if (user is null)
        {
            return CareResult<CareTeamMember>.Invalid("email", "Enter the email address of someone with an account here");
        }

        var works = await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.OrganisationId == organisationId
            && (m.Role == MembershipRole.Practitioner || m.Role == MembershipRole.Admin), cancellationToken);
        if (!works)
        {
            return CareResult<CareTeamMember>.Invalid("organisationId", "They are not a practitioner or admin of that organisation");
        }

        if (facts.Team.Any(m => m.IsActive && m.UserId == user.Id))
        {
            return CareResult<CareTeamMember>.Invalid("email", "They are already on the care team");
        }

        var member = new CareTeamMember
        {
            PersonId = personId,
            UserId = user.Id,
            Name = user.DisplayName,
            OrganisationId = organisationId.Value,
            Role = role,
            Source = CareTeamSource.Added,
            JoinedAt = db.Now,
        };
        db.CareTeamMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<CareTeamMember>.Ok(member);
    }

    /// <summary>A member leaves, or is taken off by another member; their access ends with it.</summary>
    public async Task<CareResult<CareTeamMember>> EndAsync(Guid personId, Guid memberId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var facts = await records.FactsAsync(personId, cancellationToken);
        if (!facts.IsOnCareTeam(viewer))
        {
            return CareResult<CareTeamMember>.Fail(viewer.IsSignedIn ? PersonErrors.NotAllowed : PersonErrors.SignInRequired, PersonAccess.NoAccessMessage);
        }

        var member = await db.CareTeamMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.PersonId == personId, cancellationToken);
        if (member is null || !member.IsActive)
        {
            return CareResult<CareTeamMember>.Fail(PersonErrors.NotFound, "That person is not on the care team.");
        }

        member.LeftAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<CareTeamMember>.Ok(member);
    }
}
