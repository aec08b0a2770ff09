using Commonweal.Accounts;
using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Outcomes;
using Commonweal.Passport;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Evaluation;
using Commonweal.Procurement.Ocds;
using Commonweal.Referrals;
using Commonweal.Referrals.Fhir;
using Commonweal.Referrals.Concerns;
using Commonweal.Seed;
using Commonweal.Web.Accounts;
using Commonweal.Web.Api;
using Commonweal.Web.Passport;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.Web.Infrastructure;

public static class CommonwealHost
{
    public static void AddCommonweal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<IActorAccessor, HttpActorAccessor>();
        services.AddCommonwealDatabase(builder.Configuration);

        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<CommonwealDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CommonwealClaimsFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "commonweal";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API clients get status codes, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireRole(CommonwealClaims.PlatformAdminRole))
            .AddPolicy(Policies.Commissioner, p => p.RequireRole(nameof(MembershipRole.Commissioner)))
            .AddPolicy(Policies.OrganisationAdmin, p => p.RequireRole(nameof(MembershipRole.Admin)));
        services.AddCommonwealDataProtection(builder.Configuration);
        services.AddBids();
        services.AddEvaluation();
        services.AddReferrals();
        services.AddReferralFhir();
        services.AddOutcomes();
        services.Configure<ConcernOptions>(builder.Configuration.GetSection(ConcernOptions.Section));
        services.AddCarePlansAndConcerns(escalate: builder.Configuration.GetValue("Commonweal:Concerns:Escalation", true));

        services.AddRazorPages(o =>
        {
            // Adding a service is the edit page without a service yet.
            o.Conventions.AddPageRoute("/Directory/EditService", "organisations/{organisationId:guid}/services/new");
            // Likewise, editing a draft opportunity is the create page with a reference.
            o.Conventions.AddPageRoute("/Procurement/Edit", "opportunities/{reference}/edit");
        });
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Unreadable bodies are thrown (not just logged) so that ApiExceptionHandler can name the JSON path.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<CommonwealDbContext>("database");
        services.AddScoped<PassportQueries>();
        services.AddSingleton<Commonweal.Directory.Search.ServiceIndexes>();
        services.AddSingleton(builder.Configuration.GetSection("Commonweal:Ocds").Get<OcdsOptions>() ?? new OcdsOptions());
        services.AddScoped<OcdsPublication>();
        services.AddHostedService<PassportReminderWorker>();
        if (builder.Configuration.GetValue("Commonweal:ProcurementClock", true))
        {
            services.AddHostedService<ProcurementClockService>();
        }
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        await CommonwealDatabase.MigrateAsync(db);
        if (app.Configuration.GetValue("Commonweal:SeedDemoArea", true))
        {
            await DemoArea.SeedIfEmptyAsync(db, app.Configuration.GetValue("Commonweal:SeedDemoDirectory", true),
                scope.ServiceProvider.GetRequiredService<BidSealer>());
        }
    }

    public static void UseCommonweal(this WebApplication app)
    {
        app.UseServerTiming();
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // The API keeps ProblemDetails for bare status codes; people get an NHS.UK page instead.
        app.UseWhen(ctx => CommonwealApi.IsApi(ctx.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(ctx => !CommonwealApi.IsApi(ctx.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStaticFiles();
        // The API reference is public, like the OpenAPI document it renders.
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/reference";
            o.SwaggerEndpoint("/openapi/v1.json", "Commonweal API v1");
            o.DocumentTitle = "Commonweal API reference";
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health", HealthResponse.Options).AllowAnonymous();
        app.MapCommonwealApi();
        app.MapRazorPages();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string Commissioner = nameof(Commissioner);
    public const string OrganisationAdmin = nameof(OrganisationAdmin);
}
