using Commonweal.Web.Api.Organisations;

namespace Commonweal.Web.Api;

public static class CommonwealApi
{
    public static void MapCommonwealApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapOrganisationsApi();
        api.MapAccountsApi();
    }
}
