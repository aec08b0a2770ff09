using Commonweal.Audit;
using Commonweal.Web.Accounts;

namespace Commonweal.Web.Infrastructure;

/// <summary>The signed-in user as the audit log's actor; anonymous requests act as "anonymous".</summary>
public sealed class HttpActorAccessor(IHttpContextAccessor http) : IActorAccessor
{
    public Actor Current
    {
        get
        {
            // Outside a request (start-up seeding, background jobs) the system acts.
            if (http.HttpContext is not { } context)
            {
                return Actor.System;
            }

            var id = context.User.UserId();
            return id is null ? new Actor(null, "anonymous") : new Actor(id, $"user:{context.User.Identity?.Name}");
        }
    }
}
