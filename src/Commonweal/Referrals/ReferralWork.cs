using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Directory;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals;

/// <summary>A referral as one reader may see it: the referral, its person, service and conversation.</summary>
public sealed record ReferralView(
    Referral Referral,
    Person Person,
    PersonAccessResult Access,
    IReadOnlyList<ReferralMessage> Messages,
    IReadOnlyList<ReferralAttachment> Attachments)
{
    public bool IsReceiver(Viewer viewer) => PersonAccess.IsReceiver(Referral, viewer);

    public bool IsReferrer(Viewer viewer) => PersonAccess.IsReferrer(Referral, viewer);
}

/// <summary>
/// Making and working referrals. Every read goes through <see cref="PersonAccess"/> and the audit log;
/// every step is a recorded transition; places taken are kept on the directory service.
/// </summary>
public sealed class ReferralWork(CommonwealDbContext db, PersonRecords records)
{
    public async Task<CareResult<Referral>> CreateAsync(ReferralDraft draft, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var made = await MakeAsync(draft, viewer, cancellationToken);
        if (made.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return made.Succeeded ? CareResult<Referral>.Ok(made.Value!.Referral) : CareResult<Referral>.From(made);
    }

    /// <summary>
    /// Makes a referral and answers with it as its maker now sees it. The read that answer is, is
    /// recorded in the same commit as the referral, so the answer costs no second write.
    /// </summary>
    public async Task<CareResult<ReferralView>> CreateAndReadAsync(ReferralDraft draft, Viewer viewer, string purpose, CancellationToken cancellationToken = default)
    {
        var made = await MakeAsync(draft, viewer, cancellationToken);
        if (!made.Succeeded)
        {
            return CareResult<ReferralView>.From(made);
        }

        var (referral, facts) = made.Value!;
        var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == referral.PersonId, cancellationToken);
        var access = PersonAccess.ReadReferral(referral, facts, viewer, db.Now);
        records.Record(referral.PersonId, access, $"{purpose}: referral {referral.Reference}");
        await db.SaveChangesAsync(cancellationToken);
        return access.Allowed
            ? CareResult<ReferralView>.Ok(new ReferralView(referral, person, access, [], []))
            : CareResult<ReferralView>.Fail(access.Code!, access.Reason);
    }

    /// <summary>
    /// Checks a draft and adds the referral (and any consent given with it) to the context, unsaved,
    /// with the access facts as they will stand once it is saved. The service and the reasons' terms
    /// are tracked, so the referral's navigations are filled in for whoever reads it back.
    /// </summary>
    private async Task<CareResult<(Referral Referral, PersonAccessFacts Facts)>> MakeAsync(ReferralDraft draft, Viewer viewer, CancellationToken cancellationToken)
    {
        if (!viewer.IsSignedIn)
        {
            return CareResult<(Referral Referral, PersonAccessFacts Facts)>.Fail(PersonErrors.SignInRequired, "Sign in to make a referral.");
        }

        var terms = (await db.TaxonomyTerms.Where(t => draft.Reasons.Contains(t.Id)).ToListAsync(cancellationToken)).Select(t => t.Id).ToHashSet();
        var validation = ReferralDraftValidator.Validate(draft, terms);
        if (!validation.IsValid)
        {
            return CareResult<(Referral Referral, PersonAccessFacts Facts)>.Invalid(validation);
        }

        var referringOrganisationId = draft.ReferringOrganisationId!.Value;
        if (!viewer.WorksWithPeopleIn(referringOrganisationId))
        {
            return CareResult<(Referral Referral, PersonAccessFacts Facts)>.Refuse(PersonErrors.NotAllowed, nameof(ReferralDraft.ReferringOrganisationId),
                "You can refer only for an organisation where you are a practitioner or admin");
        }

        var personId = draft.PersonId!.Value;
        var facts = await records.FactsAsync(personId, cancellationToken);
        if (!facts.IsOnCareTeam(viewer))
        {
            // The same answer whether or not the person exists.
            return CareResult<(Referral Referral, PersonAccessFacts Facts)>.Fail(PersonErrors.NotAllowed, PersonAccess.NoAccessMessage);
        }

        if (!facts.SharesWithCareTeam(db.Now) && draft.Consent is null)
        {
            return CareResult<(Referral Referral, PersonAccessFacts Facts)>.Refuse(PersonErrors.ConsentRequired, nameof(ReferralDraft.Consent),
                "Record the person's consent to this referral: they have not consented to sharing with their care team");
        }

        var service = await db.Services.Include(s => s.Organisation).FirstOrDefaultAsync(s => s.Id == draft.ServiceId, cancellationToken);
        if (service is null)
        {
            return CareResult<(Referral Referral, PersonAccessFacts Facts)>.Invalid(nameof(ReferralDraft.ServiceId), "No service in the directory has that id");
        }

        if (ClosedToReferrals(service) is { } closed)
        {
            return CareResult<(Referral Referral, PersonAccessFacts Facts)>.Refuse(PersonErrors.NotAcceptingReferrals, nameof(ReferralDraft.ServiceId), closed);
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == referringOrganisationId).Select(o => o.Name).FirstAsync(cancellationToken);
        var referral = new Referral
        {
            Reference = ReferralReferences.New(),
            PersonId = personId,
            ServiceId = service.Id,
            ReceivingOrganisationId = service.OrganisationId,
            ReferringOrganisationId = referringOrganisationId,
            ReferrerUserId = viewer.UserId,
            ReferrerName = viewer.Name,
            ReferrerOrganisationName = organisation,
            ReferrerPhone = Blank(draft.ReferrerPhone),
            ReferrerEmail = Blank(draft.ReferrerEmail),
            Urgency = draft.Urgency!.Value,
            Notes = Blank(draft.Notes),
            Status = ReferralStatus.Sent,
            StatusChangedAt = db.Now,
            Source = ReferralSource.Platform,
            CreatedAt = db.Now,
            Reasons = [.. draft.Reasons.Select(id => new ReferralReason { TaxonomyTermId = id })],
        };
        referral.Transitions.Add(new ReferralTransition { To = ReferralStatus.Sent, At = db.Now, ByUserId = viewer.UserId, By = viewer.Name });
        db.Referrals.Add(referral);
        if (draft.Consent is not null)
        {
            var consent = Consents.From(draft.Consent, personId, ConsentScope.Referral, referral.Id, viewer, db.Now);
            db.Consents.Add(consent);
            facts = facts with { Consents = [.. facts.Consents, consent] };
        }

        return CareResult<(Referral Referral, PersonAccessFacts Facts)>.Ok((referral, facts));
    }

    /// <summary>Why a service cannot take a referral now, or null when it can.</summary>
    public static string? ClosedToReferrals(Service service) =>
        service.Status != ServiceStatus.Active ? $"{service.Name} is {ServiceStatuses.DisplayName(service.Status).ToLowerInvariant()}, so it cannot take referrals"
        : service.PausedAtCapacity ? $"{service.Name} is full: all {service.ReferralCapacity} places are taken"
        : !service.AcceptingReferrals ? $"{service.Name} is not accepting referrals at the moment"
        : null;

    public async Task<CareResult<ReferralView>> OpenAsync(Guid referralId, Viewer viewer, string purpose, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return CareResult<ReferralView>.Fail(PersonErrors.SignInRequired, "Sign in to see referrals.");
        }

        var referral = await db.Referrals.AsNoTracking()
            .Include(r => r.Person).Include(r => r.Service)
            .Include(r => r.Reasons).ThenInclude(x => x.TaxonomyTerm)
            .Include(r => r.Transitions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return CareResult<ReferralView>.Fail(PersonErrors.NotAllowed, PersonAccess.NoAccessMessage);
        }

        var facts = await records.FactsAsync(referral.PersonId, cancellationToken);
        var access = PersonAccess.ReadReferral(referral, facts, viewer, db.Now);
        await records.RecordAsync(referral.PersonId, access, $"{purpose}: referral {referral.Reference}", cancellationToken);
        if (!access.Allowed)
        {
            return CareResult<ReferralView>.Fail(access.Code!, access.Reason);
        }

        var messages = await db.ReferralMessages.AsNoTracking().Where(m => m.ReferralId == referralId).OrderBy(m => m.SentAt).ToListAsync(cancellationToken);
        var attachments = await db.ReferralAttachments.AsNoTracking().Where(a => a.ReferralId == referralId)
            .Select(a => new ReferralAttachment { Id = a.Id, ReferralId = a.ReferralId, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, Sha256 = a.Sha256, Content = Array.Empty<byte>(), AddedAt = a.AddedAt, AddedBy = a.AddedBy })
            .ToListAsync(cancellationToken);
        return CareResult<ReferralView>.Ok(new ReferralView(referral, referral.Person!, access, messages, attachments));
    }

    /// <summary>Moves a referral on. The receiving service accepts, declines, starts, completes or records non-attendance; the referrer cancels.</summary>
    public async Task<CareResult<Referral>> ActAsync(Guid referralId, ReferralAction action, string? reason, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return CareResult<Referral>.Fail(PersonErrors.SignInRequired, "Sign in to work on referrals.");
        }

        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return CareResult<Referral>.Fail(PersonErrors.NotAllowed, PersonAccess.NoAccessMessage);
        }

        var facts = await records.FactsAsync(referral.PersonId, cancellationToken);
        var mayAct = ReferralLifecycle.IsReferrers(action) ? PersonAccess.IsReferrer(referral, viewer) : PersonAccess.IsReceiver(referral, viewer);
        if (!mayAct)
        {
            var canSee = PersonAccess.ReadReferral(referral, facts, viewer, db.Now).Allowed;
            return canSee
                ? CareResult<Referral>.Fail(PersonErrors.NotAllowed, ReferralLifecycle.IsReferrers(action)
                    ? "Only the referrer can cancel a referral."
                    : "Only the receiving service can accept, decline or progress a referral.")
                : CareResult<Referral>.Fail(PersonErrors.NotAllowed, PersonAccess.NoAccessMessage);
        }

        // Cancelling stops work, so it is allowed even once consent is withdrawn; working the referral is not.
        if (action != ReferralAction.Cancel && !facts.Consents.Any(c => c.Covers(referral.Id, db.Now)))
        {
            return CareResult<Referral>.Fail(PersonErrors.ConsentWithdrawn, "The person's consent to this referral has been withdrawn, so it cannot be worked.");
        }

        if (!referral.IsRouted)
        {
            return CareResult<Referral>.Fail(PersonErrors.TransitionNotAllowed, "This referral has not been routed to a service yet.");
        }

        if (!ReferralLifecycle.Allows(referral.Status, action))
        {
            return CareResult<Referral>.Fail(PersonErrors.TransitionNotAllowed,
                $"A referral that is {ReferralLifecycle.Describe(referral.Status).ToLowerInvariant()} cannot be {Past(action)}.");
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (ReferralLifecycle.NeedsReason(action) && reason is null)
        {
            return CareResult<Referral>.Invalid("reason", action == ReferralAction.Decline ? "Enter why the referral is declined" : "Enter why the referral is cancelled");
        }

        if (reason?.Length > Referral.ReasonMaxLength)
        {
            return CareResult<Referral>.Invalid("reason", $"Reason must be {Referral.ReasonMaxLength:N0} characters or fewer");
        }

        var from = referral.Status;
        referral.Status = ReferralLifecycle.Target(action);
        referral.StatusChangedAt = db.Now;
        referral.StatusReason = reason ?? referral.StatusReason;
        referral.Version++;
        db.ReferralTransitions.Add(new ReferralTransition { ReferralId = referral.Id, From = from, To = referral.Status, At = db.Now, ByUserId = viewer.UserId, By = viewer.Name, Reason = reason });
        if (action == ReferralAction.Accept)
        {
            await JoinCareTeamAsync(referral, viewer, cancellationToken);
        }

        await ReferralCapacity.RecountAsync(db, referral, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CareResult<Referral>.Fail(PersonErrors.TransitionNotAllowed, "Someone else changed this referral at the same time. Look at it again and retry.");
        }

        return CareResult<Referral>.Ok(referral);
    }

    public async Task<CareResult<ReferralMessage>> MessageAsync(Guid referralId, string? text, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var party = await PartyAsync(referralId, viewer, cancellationToken);
        if (!party.Succeeded)
        {
            return CareResult<ReferralMessage>.From(party);
        }

        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return CareResult<ReferralMessage>.Invalid("text", "Enter a message");
        }

        if (text.Length > ReferralMessage.TextMaxLength)
        {
            return CareResult<ReferralMessage>.Invalid("text", $"Message must be {ReferralMessage.TextMaxLength:N0} characters or fewer");
        }

        var referral = party.Value!;
        var organisationId = PersonAccess.IsReceiver(referral, viewer) ? referral.ReceivingOrganisationId : referral.ReferringOrganisationId;
        var message = new ReferralMessage
        {
            ReferralId = referralId,
            AuthorUserId = viewer.UserId,
            Author = viewer.Name,
            AuthorOrganisationId = organisationId,
            AuthorOrganisationName = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken),
            Text = text,
            SentAt = db.Now,
        };
        db.ReferralMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<ReferralMessage>.Ok(message);
    }

    public async Task<CareResult<ReferralAttachment>> AttachAsync(Guid referralId, string? fileName, string? contentType, byte[] content, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var party = await PartyAsync(referralId, viewer, cancellationToken);
        if (!party.Succeeded)
        {
            return CareResult<ReferralAttachment>.From(party);
        }

        if (ReferralAttachments.Check(fileName, contentType, content) is { } error)
        {
            return CareResult<ReferralAttachment>.Invalid(error.Field, error.Message);
        }

        var attachment = new ReferralAttachment
        {
            ReferralId = referralId,
            FileName = Path.GetFileName(fileName!),
            ContentType = contentType!,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            Content = content,
            AddedAt = db.Now,
            AddedBy = viewer.Name,
        };
        db.ReferralAttachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<ReferralAttachment>.Ok(attachment);
    }

    /// <summary>An attachment's file, for a party to the referral; the download is audited like any read.</summary>
    public async Task<CareResult<ReferralAttachment>> DownloadAsync(Guid referralId, Guid attachmentId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var opened = await OpenAsync(referralId, viewer, "attachment download", cancellationToken);
        if (!opened.Succeeded)
        {
            return CareResult<ReferralAttachment>.From(opened);
        }

        var attachment = await db.ReferralAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ReferralId == referralId, cancellationToken);
        return attachment is null
            ? CareResult<ReferralAttachment>.Fail(PersonErrors.NotFound, "That attachment is not on this referral.")
            : CareResult<ReferralAttachment>.Ok(attachment);
    }

    /// <summary>The referrer or the receiving service, while consent to the referral stands.</summary>
    private async Task<CareResult<Referral>> PartyAsync(Guid referralId, Viewer viewer, CancellationToken cancellationToken)
    {
        if (!viewer.IsSignedIn)
        {
            return CareResult<Referral>.Fail(PersonErrors.SignInRequired, "Sign in to work on referrals.");
        }

        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null || !PersonAccess.IsParty(referral, viewer))
        {
            return CareResult<Referral>.Fail(PersonErrors.NotAllowed, PersonAccess.NoAccessMessage);
        }

        var facts = await records.FactsAsync(referral.PersonId, cancellationToken);
        return facts.Consents.Any(c => c.Covers(referralId, db.Now))
            ? CareResult<Referral>.Ok(referral)
            : CareResult<Referral>.Fail(PersonErrors.ConsentWithdrawn, "The person's consent to this referral has been withdrawn, so it is no longer shared.");
    }

    /// <summary>Whoever accepts joins the person's care team, and the referrer with them if they had left it.</summary>
    private async Task JoinCareTeamAsync(Referral referral, Viewer viewer, CancellationToken cancellationToken)
    {
        var serviceName = await db.Services.Where(s => s.Id == referral.ServiceId).Select(s => s.Name).FirstAsync(cancellationToken);
        var active = await db.CareTeamMembers.Where(m => m.PersonId == referral.PersonId && m.LeftAt == null).Select(m => m.UserId).ToListAsync(cancellationToken);
        if (!active.Contains(viewer.UserId!.Value))
        {
            db.CareTeamMembers.Add(new CareTeamMember
            {
                PersonId = referral.PersonId,
                UserId = viewer.UserId.Value,
                Name = viewer.Name,
                OrganisationId = referral.ReceivingOrganisationId!.Value,
                Role = Truncate($"Practitioner, {serviceName}"),
                Source = CareTeamSource.Referral,
                ReferralId = referral.Id,
                JoinedAt = db.Now,
            });
        }

        if (referral.ReferrerUserId is { } referrer && referral.ReferringOrganisationId is { } org && referrer != viewer.UserId && !active.Contains(referrer))
        {
            db.CareTeamMembers.Add(new CareTeamMember
            {
                PersonId = referral.PersonId,
                UserId = referrer,
                Name = referral.ReferrerName,
                OrganisationId = org,
                Role = "Referrer",
                Source = CareTeamSource.Referral,
                ReferralId = referral.Id,
                JoinedAt = db.Now,
            });
        }
    }

    private static string Truncate(string text) => text.Length <= CareTeamMember.RoleMaxLength ? text : text[..CareTeamMember.RoleMaxLength];

    private static string Past(ReferralAction action) => action switch
    {
        ReferralAction.Accept => "accepted",
        ReferralAction.Decline => "declined",
        ReferralAction.Start => "started",
        ReferralAction.Complete => "completed",
        ReferralAction.DidNotAttend => "recorded as did not attend",
        _ => "cancelled",
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
