namespace Commonweal.Audit;

/// <summary>Who is acting, for the audit log: a signed-in user, a CLI operator or the system itself.</summary>
public sealed record Actor(Guid? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");
}

/// <summary>Supplies the current actor; the web host reads it from the signed-in user.</summary>
public interface IActorAccessor
{
    Actor Current { get; }
}

public sealed class FixedActorAccessor(Actor actor) : IActorAccessor
{
    public Actor Current { get; } = actor;
}
