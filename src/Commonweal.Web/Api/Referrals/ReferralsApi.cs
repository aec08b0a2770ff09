using System.Security.Claims;
using Commonweal.Data;
using Commonweal.Referrals;
using Commonweal.Web.Accounts;
using Commonweal.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Api.Referrals;

/// <summary>
/// People, consent, care teams and referrals. Who may see or change what is decided by
/// <see cref="PersonAccess"/> (through the core services), never here. An anonymous caller gets
/// 401; a signed-in caller outside the care team gets 403 with the same body whether or not the
/// person exists.
/// </summary>
public static class ReferralsApi
{
    public static void MapReferralsApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people.MapPost("/", Register).WithSummary("Register a person, with their consent to care team sharing (practitioners and organisation admins)");
        people.MapGet("/", Caseload).WithSummary("People whose care team you are on");
        people.MapGet("/{id:guid}", GetPerson).WithSummary("A person's record: their care team, or by break-glass");
        people.MapPost("/{id:guid}/consents", GiveConsent).WithSummary("Record a consent (care team sharing, outcome follow-up)");
        people.MapPost("/{id:guid}/care-team", AddMember).WithSummary("Add someone to the care team (care team members, with consent)");
        people.MapPost("/{id:guid}/care-team/{memberId:guid}/end", EndMember).WithSummary("Take someone off the care team");
        people.MapPost("/{id:guid}/break-glass", DeclareBreakGlass).WithSummary("Declare why you must read a record you are not on the care team for; lasts an hour and is reviewed");
        people.MapGet("/{id:guid}/access-report", Report).WithSummary("Everyone who read or changed the record (platform admins, on the person's behalf)");
        api.MapPost("/consents/{id:guid}/withdraw", WithdrawConsent).WithTags("People").WithSummary("Record that the person withdrew a consent; sharing stops at once");

        var referrals = api.MapGroup("/referrals").WithTags("Referrals");
        referrals.MapPost("/", Create).WithSummary("Refer a person to a directory service that accepts referrals");
        referrals.MapGet("/", Sent).WithSummary("Referrals you have sent, newest first");
        referrals.MapGet("/{id:guid}", GetReferral).WithSummary("A referral: the referrer and the receiving service, with consent; the care team");
        foreach (var action in Enum.GetValues<ReferralAction>())
        {
            referrals.MapPost($"/{{id:guid}}/{Slug(action)}", (ReferralWork work, ClaimsPrincipal user, Guid id, ReasonRequest? request) => Act(work, user, id, action, request))
                .WithSummary(ReferralLifecycle.IsReferrers(action) ? "Cancel the referral (the referrer)" : $"{Capitalise(ReferralLifecycle.Describe(action))} the referral (the receiving service)");
        }

        referrals.MapPost("/{id:guid}/messages", Message).WithSummary("Send a message about the referral to the other side");
        referrals.MapPost("/{id:guid}/attachments", Attach).WithSummary("Attach a document (PDF, Word, OpenDocument, text, PNG or JPEG, up to 5 MB), its content in base64");
        referrals.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download).WithSummary("A document attached to the referral; the download is audited");
        api.MapGet("/organisations/{id:guid}/referrals", Queue).WithTags("Referrals").WithSummary("Referrals received by the organisation's services (its practitioners and admins)");

        var glass = api.MapGroup("/admin/break-glass").WithTags("People");
        glass.MapGet("/", AwaitingReview).WithSummary("Break-glass declarations awaiting review (platform admins)");
        glass.MapPost("/{id:guid}/review", Review).WithSummary("Review a break-glass declaration (platform admins)");
    }

    public static string Slug(ReferralAction action) => action == ReferralAction.DidNotAttend ? "did-not-attend" : action.ToString().ToLowerInvariant();

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    public sealed record ReasonRequest(string? Reason);

    public sealed record ConsentRequest(ConsentScope? Scope, ConsentGivenBy? GivenBy, string? RepresentativeName, string? RepresentativeRelationship, ConsentMethod? Method);

    public sealed record MemberRequest(string? Email, Guid? OrganisationId, string? Role);

    public sealed record MessageRequest(string? Text);

    public sealed record AttachmentRequest(string? FileName, string? ContentType, string? Content);

    public sealed record ReviewRequest(BreakGlassReview? Review, string? Note);

    public sealed record ConsentDto(Guid Id, ConsentScope Scope, Guid? ReferralId, ConsentGivenBy GivenBy, string? RepresentativeName, string? RepresentativeRelationship,
        ConsentMethod Method, DateTimeOffset GivenAt, string RecordedBy, DateTimeOffset? WithdrawnAt, string? WithdrawnReason);

    public sealed record MemberDto(Guid Id, Guid UserId, string Name, Guid OrganisationId, string? Organisation, string Role, CareTeamSource Source, DateTimeOffset JoinedAt);

    public sealed record ReferralLineDto(Guid Id, string Reference, string? Service, string? ReceivingOrganisation, string? ReferringOrganisation,
        ReferralUrgency Urgency, ReferralStatus Status, DateTimeOffset CreatedAt, DateTimeOffset StatusChangedAt, string Initials, IReadOnlyList<string> Reasons);

    public sealed record PersonResponse(Guid Id, string? NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Postcode, string? Phone, string? Email,
        ContactPreference ContactPreference, string? WhatMattersToMe, AccessBasis? AccessBasis, IReadOnlyList<MemberDto> CareTeam, IReadOnlyList<ConsentDto> Consents,
        IReadOnlyList<ReferralLineDto> Referrals);

    public sealed record ReasonDto(Guid Id, string? Name);

    public sealed record TransitionDto(ReferralStatus? From, ReferralStatus To, DateTimeOffset At, string By, string? Reason);

    public sealed record MessageDto(Guid Id, string Author, string? Organisation, string Text, DateTimeOffset SentAt);

    public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256);

    public sealed record ReferralPerson(Guid Id, string? NhsNumber, string Name, DateOnly DateOfBirth, string? Postcode, string? Phone, string? Email, ContactPreference ContactPreference);

    public sealed record ReferralResponse(Guid Id, string Reference, ReferralStatus Status, string? StatusReason, ReferralUrgency Urgency, ReferralPerson Person,
        Guid? ServiceId, string? Service, string? RequestedService, Guid? ReceivingOrganisationId, Guid? ReferringOrganisationId, string Referrer, string? ReferrerOrganisation,
        string? ReferrerPhone, string? ReferrerEmail, IReadOnlyList<ReasonDto> Reasons, string? Notes, DateTimeOffset CreatedAt, AccessBasis? AccessBasis,
        IReadOnlyList<TransitionDto> Transitions, IReadOnlyList<MessageDto> Messages, IReadOnlyList<AttachmentDto> Attachments);

    public sealed record PageDto<T>(int TotalItems, int TotalPages, int PageNumber, int Size, IReadOnlyList<T> Contents);

    public sealed record BreakGlassDto(Guid Id, Guid PersonId, Guid UserId, string UserName, string Reason, DateTimeOffset DeclaredAt, DateTimeOffset ExpiresAt,
        BreakGlassReview? Review, string? ReviewNote, string? ReviewedBy, DateTimeOffset? ReviewedAt);

    public sealed record AccessEntryDto(DateTimeOffset At, string Actor, string Action, string? Reason);

    private static async Task<IResult> Register(PeopleRegistry registry, PersonRecords records, CommonwealDbContext db, ClaimsPrincipal user, PersonDraft draft)
    {
        var result = await registry.RegisterAsync(draft, user.Viewer());
        if (!result.Succeeded)
        {
            return CareResults.Problem(result);
        }

        var view = await records.OpenAsync(result.Value!.Id, user.Viewer(), "API: registration");
        return TypedResults.Created($"/api/people/{result.Value.Id}", await DescribeAsync(db, view.Value!));
    }

    private static async Task<IResult> Caseload(MyPeople people, ClaimsPrincipal user) =>
        TypedResults.Ok(await people.CaseloadAsync(user.Viewer()));

    private static async Task<IResult> GetPerson(PersonRecords records, CommonwealDbContext db, ClaimsPrincipal user, Guid id)
    {
        var view = await records.OpenAsync(id, user.Viewer(), "API");
        return view.Succeeded ? TypedResults.Ok(await DescribeAsync(db, view.Value!)) : CareResults.Problem(view);
    }

    private static async Task<IResult> GiveConsent(Consents consents, ClaimsPrincipal user, Guid id, ConsentRequest request)
    {
        if (request.Scope is null)
        {
            return ApiProblems.Field("scope", "Say what the consent covers: CareTeamSharing or OutcomeFollowUp");
        }

        var input = new ConsentInput { GivenBy = request.GivenBy, RepresentativeName = request.RepresentativeName, RepresentativeRelationship = request.RepresentativeRelationship, Method = request.Method };
        var result = await consents.GiveAsync(id, request.Scope.Value, input, user.Viewer());
        return result.Succeeded ? TypedResults.Created($"/api/people/{id}", Describe(result.Value!)) : CareResults.Problem(result);
    }

    private static async Task<IResult> WithdrawConsent(Consents consents, ClaimsPrincipal user, Guid id, ReasonRequest? request)
    {
        var result = await consents.WithdrawAsync(id, request?.Reason, user.Viewer());
        return result.Succeeded ? TypedResults.Ok(Describe(result.Value!)) : CareResults.Problem(result);
    }

    private static async Task<IResult> AddMember(CareTeams teams, CommonwealDbContext db, ClaimsPrincipal user, Guid id, MemberRequest request)
    {
        var result = await teams.AddAsync(id, request.Email, request.OrganisationId, request.Role, user.Viewer());
        if (!result.Succeeded)
        {
            return CareResults.Problem(result);
        }

        var organisation = await db.Organisations.Where(o => o.Id == result.Value!.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync();
        return TypedResults.Created($"/api/people/{id}", Describe(result.Value!, organisation));
    }

    private static async Task<IResult> EndMember(CareTeams teams, ClaimsPrincipal user, Guid id, Guid memberId)
    {
        var result = await teams.EndAsync(id, memberId, user.Viewer());
        return result.Succeeded ? TypedResults.NoContent() : CareResults.Problem(result);
    }

    private static async Task<IResult> DeclareBreakGlass(BreakGlass glass, ClaimsPrincipal user, Guid id, ReasonRequest? request)
    {
        var result = await glass.DeclareAsync(id, request?.Reason, user.Viewer());
        return result.Succeeded ? TypedResults.Created($"/api/people/{id}", Describe(result.Value!)) : CareResults.Problem(result);
    }

    private static async Task<IResult> Report(AccessReport report, ClaimsPrincipal user, Guid id)
    {
        var result = await report.ForAsync(id, user.Viewer());
        return result.Succeeded
            ? TypedResults.Ok(result.Value!.Select(e => new AccessEntryDto(Utc(e.At), e.Actor, e.Action, e.Reason)).ToList())
            : CareResults.Problem(result);
    }

    private static async Task<IResult> Create(ReferralWork work, ClaimsPrincipal user, ReferralDraft draft)
    {
        var view = await work.CreateAndReadAsync(draft, user.Viewer(), "API: referral sent");
        return view.Succeeded
            ? TypedResults.Created($"/api/referrals/{view.Value!.Referral.Id}", Describe(view.Value))
            : CareResults.Problem(view);
    }

    private static async Task<IResult> GetReferral(ReferralWork work, ClaimsPrincipal user, Guid id)
    {
        var view = await work.OpenAsync(id, user.Viewer(), "API");
        return view.Succeeded ? TypedResults.Ok(Describe(view.Value!)) : CareResults.Problem(view);
    }

    private static async Task<IResult> Act(ReferralWork work, ClaimsPrincipal user, Guid id, ReferralAction action, ReasonRequest? request)
    {
        var result = await work.ActAsync(id, action, request?.Reason, user.Viewer());
        if (!result.Succeeded)
        {
            return CareResults.Problem(result);
        }

        // Once consent is withdrawn the referrer may still cancel, but not read the referral back.
        var view = await work.OpenAsync(id, user.Viewer(), $"API: {ReferralLifecycle.Describe(action)}");
        return view.Succeeded ? TypedResults.Ok(Describe(view.Value!)) : TypedResults.Ok(new { id, status = result.Value!.Status });
    }

    private static async Task<IResult> Message(ReferralWork work, ClaimsPrincipal user, Guid id, MessageRequest request)
    {
        var result = await work.MessageAsync(id, request.Text, user.Viewer());
        return result.Succeeded
            ? TypedResults.Created($"/api/referrals/{id}", Describe(result.Value!))
            : CareResults.Problem(result);
    }

    private static async Task<IResult> Attach(ReferralWork work, ClaimsPrincipal user, Guid id, AttachmentRequest request)
    {
        byte[] content;
        try
        {
            content = Convert.FromBase64String(request.Content ?? "");
        }
        catch (FormatException)
        {
            return ApiProblems.Field("content", "Send the file's content in base64");
        }

        var result = await work.AttachAsync(id, request.FileName, request.ContentType, content, user.Viewer());
        if (!result.Succeeded)
        {
            return CareResults.Problem(result);
        }

        var a = result.Value!;
        return TypedResults.Created($"/api/referrals/{id}/attachments/{a.Id}", new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256));
    }

    private static async Task<IResult> Download(ReferralWork work, ClaimsPrincipal user, Guid id, Guid attachmentId)
    {
        var result = await work.DownloadAsync(id, attachmentId, user.Viewer());
        return result.Succeeded ? TypedResults.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName) : CareResults.Problem(result);
    }

    private static async Task<IResult> Sent(ReferralQueues queues, ClaimsPrincipal user, int page = 1)
    {
        var result = await queues.SentAsync(user.Viewer(), page);
        return result.Succeeded ? TypedResults.Ok(Describe(result.Value!)) : CareResults.Problem(result);
    }

    private static async Task<IResult> Queue(ReferralQueues queues, ClaimsPrincipal user, Guid id, ReferralStatus? status, int page = 1)
    {
        var result = await queues.ReceivedAsync(id, user.Viewer(), status, page);
        return result.Succeeded ? TypedResults.Ok(Describe(result.Value!)) : CareResults.Problem(result);
    }

    private static async Task<IResult> AwaitingReview(BreakGlass glass, ClaimsPrincipal user)
    {
        if (!user.IsPlatformAdmin())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only platform admins review break-glass access.");
        }

        return TypedResults.Ok((await glass.AwaitingReviewAsync()).Select(Describe).ToList());
    }

    private static async Task<IResult> Review(BreakGlass glass, ClaimsPrincipal user, Guid id, ReviewRequest request)
    {
        var result = await glass.ReviewAsync(id, request.Review, request.Note, user.Viewer());
        return result.Succeeded ? TypedResults.Ok(Describe(result.Value!)) : CareResults.Problem(result);
    }

    private static async Task<PersonResponse> DescribeAsync(CommonwealDbContext db, PersonView view)
    {
        var p = view.Person;
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.PersonId == p.Id).OrderByDescending(r => r.CreatedAt)
            .Select(r => new
            {
                r.Id, r.Reference, Service = r.Service!.Name, r.ReferrerOrganisationName, r.Urgency, r.Status, r.CreatedAt, r.StatusChangedAt,
                Reasons = r.Reasons.Select(x => x.TaxonomyTerm!.Name).ToList(),
            })
            .ToListAsync();
        var initials = ReferralQueues.Initials(p.GivenName, p.FamilyName);
        return new PersonResponse(p.Id, p.NhsNumber, p.GivenName, p.FamilyName, p.DateOfBirth, p.Postcode, p.Phone, p.Email, p.ContactPreference, p.WhatMattersToMe,
            view.Access.Basis,
            [.. view.Facts.Team.Where(m => m.IsActive).Select(m => Describe(m, m.Organisation?.Name))],
            [.. view.Facts.Consents.Select(Describe)],
            [.. referrals.Select(r => new ReferralLineDto(r.Id, r.Reference, r.Service, null, r.ReferrerOrganisationName, r.Urgency, r.Status,
                Utc(r.CreatedAt), Utc(r.StatusChangedAt), initials, r.Reasons))]);
    }

    private static ReferralResponse Describe(ReferralView view)
    {
        var r = view.Referral;
        var p = view.Person;
        return new ReferralResponse(r.Id, r.Reference, r.Status, r.StatusReason, r.Urgency,
            new ReferralPerson(p.Id, p.NhsNumber, p.FullName, p.DateOfBirth, p.Postcode, p.Phone, p.Email, p.ContactPreference),
            r.ServiceId, r.Service?.Name, r.RequestedService, r.ReceivingOrganisationId, r.ReferringOrganisationId, r.ReferrerName, r.ReferrerOrganisationName,
            r.ReferrerPhone, r.ReferrerEmail,
            [.. r.Reasons.Select(x => new ReasonDto(x.TaxonomyTermId, x.TaxonomyTerm?.Name))], r.Notes, Utc(r.CreatedAt), view.Access.Basis,
            [.. r.Transitions.OrderBy(t => t.At).Select(t => new TransitionDto(t.From, t.To, Utc(t.At), t.By, t.Reason))],
            [.. view.Messages.Select(Describe)],
            [.. view.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256))]);
    }

    private static PageDto<ReferralLineDto> Describe(ReferralPage page) =>
        new(page.Total, page.Pages, page.Page, page.PageSize, [.. page.Lines.Select(l => new ReferralLineDto(l.Id, l.Reference, l.Service, l.ReceivingOrganisation,
            l.ReferringOrganisation, l.Urgency, l.Status, Utc(l.CreatedAt), Utc(l.StatusChangedAt), l.Initials, l.Reasons))]);

    private static MessageDto Describe(ReferralMessage m) => new(m.Id, m.Author, m.AuthorOrganisationName, m.Text, Utc(m.SentAt));

    private static ConsentDto Describe(Consent c) =>
        new(c.Id, c.Scope, c.ReferralId, c.GivenBy, c.RepresentativeName, c.RepresentativeRelationship, c.Method, Utc(c.GivenAt), c.RecordedBy,
            c.WithdrawnAt is { } w ? Utc(w) : null, c.WithdrawnReason);

    private static MemberDto Describe(CareTeamMember m, string? organisation) =>
        new(m.Id, m.UserId, m.Name, m.OrganisationId, organisation, m.Role, m.Source, Utc(m.JoinedAt));

    private static BreakGlassDto Describe(BreakGlassAccess b) =>
        new(b.Id, b.PersonId, b.UserId, b.UserName, b.Reason, Utc(b.DeclaredAt), Utc(b.ExpiresAt), b.Review, b.ReviewNote, b.ReviewedBy, b.ReviewedAt is { } at ? Utc(at) : null);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
