using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Tests.Support;

/// <summary>
/// What a test really needs, read from the IL it runs: the test method, its class's constructors,
/// InitializeAsync and Dispose(Async) (and its base classes'), its class fixtures and constructor
/// parameters, followed through every method, lambda and async state machine of the test
/// assemblies. A host is a WebApplicationFactory, a WebApplication (a stand-in on a loopback port)
/// or a hosted service started; a process is Process.Start; the browser is the Node.js driver.
/// </summary>
public static class TestNeeds
{
    private static readonly HashSet<Assembly> TestAssemblies = [typeof(TestNeeds).Assembly, typeof(LoopbackServer).Assembly];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The heaviest need found, or null for a test that needs none (a fast test).</summary>
    public static Needs? Required(MethodInfo test)
    {
        var found = new HashSet<Needs>();
        var seen = new HashSet<MethodBase>();
        var queue = new Queue<MethodBase>(Lifecycle(test.ReflectedType!).Prepend(test));
        while (queue.TryDequeue(out var method))
        {
            if (!seen.Add(method))
            {
                continue;
            }

            foreach (var stateMachine in method.GetCustomAttributes<StateMachineAttribute>())
            {
                queue.Enqueue(stateMachine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!);
            }

            foreach (var member in References(method))
            {
                if (Marker(member) is { } need)
                {
                    found.Add(need);
                }

                if (member is MethodBase called && TestAssemblies.Contains(called.Module.Assembly))
                {
                    queue.Enqueue(called);
                }
            }
        }

        return found.Count == 0 ? null : found.Max();
    }

    /// <summary>The heaviest need the test's class and method are tagged with.</summary>
    public static Needs? Declared(MethodInfo test) =>
        test.GetCustomAttributes<NeedsAttribute>().Concat(test.ReflectedType!.GetCustomAttributes<NeedsAttribute>(inherit: true))
            .Select(a => (Needs?)a.Needs).Max();

    private static IEnumerable<MethodBase> Lifecycle(Type testClass)
    {
        var fixtures = testClass.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IClassFixture<>) || d == typeof(ICollectionFixture<>)))
            .Select(i => i.GetGenericArguments()[0]);
        var parameters = testClass.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType);
        var types = BaseTypes(testClass).Concat(fixtures).Concat(parameters).Where(t => TestAssemblies.Contains(t.Assembly)).Distinct();
        const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return types.SelectMany(t => t.GetConstructors(Declared).Cast<MethodBase>()
            .Concat(t.GetMethods(Declared).Where(m => m.Name is "InitializeAsync" or "DisposeAsync" or "Dispose")));
    }

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            yield return t;
        }
    }

    private static Needs? Marker(MemberInfo member)
    {
        if (member is not MethodBase { DeclaringType: { } type })
        {
            return null;
        }

        if (type.FullName == "CampaignBot.Tests.Browser.NodeScript")
        {
            return Needs.Browser;
        }

        if (type == typeof(System.Diagnostics.Process) && member.Name == nameof(System.Diagnostics.Process.Start))
        {
            return Needs.Process;
        }

        var hosted = type == typeof(WebApplication)
            || BaseTypes(type).Any(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(WebApplicationFactory<>))
            || (typeof(IHostedService).IsAssignableFrom(type) && member.Name == nameof(IHostedService.StartAsync));
        return hosted ? Needs.Host : null;
    }

    /// <summary>The methods, fields and types a method's IL names (call, newobj, ldftn, ldfld, ldtoken…).</summary>
    private static IEnumerable<MemberInfo> References(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var op = il[i] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[i + 1]))] : OpCodesByValue[il[i]];
            i += op.Size;
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok
                && Resolve(method.Module, BitConverter.ToInt32(il, i), typeArguments, methodArguments) is { } member)
            {
                yield return member;
            }

            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException or IOException)
        {
            return null;
        }
    }
}
