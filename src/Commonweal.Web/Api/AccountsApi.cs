using Commonweal.Web.Accounts;

namespace Commonweal.Web.Api;

public static class AccountsApi
{
    public sealed record Me(Guid Id, string Name, string? Email, bool IsPlatformAdmin, MembershipView[] Memberships);

    public sealed record MembershipView(Guid OrganisationId, string Role);

    public static void MapAccountsApi(this RouteGroupBuilder api) =>
        api.MapGet("/me", (HttpContext http) => TypedResults.Ok(new Me(
                http.User.UserId()!.Value, http.User.Name(), http.User.Identity?.Name, http.User.IsPlatformAdmin(),
                http.User.Memberships().Select(m => new MembershipView(m.OrganisationId, m.Role.ToString())).ToArray())))
            .WithTags("Accounts")
            .WithSummary("The signed-in user and their memberships");
}
