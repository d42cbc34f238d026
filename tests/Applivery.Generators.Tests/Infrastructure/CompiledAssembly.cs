using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.Tests.Infrastructure;

/// <summary>The consumer compilation (generated code included) emitted and loaded, so tests can run what was generated.</summary>
internal sealed class CompiledAssembly
{
    private readonly Assembly _assembly;

    private CompiledAssembly(Assembly assembly) => _assembly = assembly;

    public static CompiledAssembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, "The generated code does not compile:\n" + string.Join("\n", result.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new CompiledAssembly(context.LoadFromStream(stream));
    }

    public Type Type(string fullName) => _assembly.GetType(fullName, throwOnError: true)!;

    public Assembly Assembly => _assembly;

    public object? Call(string typeName, string method, params object?[] arguments)
    {
        var target = Type(typeName).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Single(candidate => candidate.Name == method && candidate.GetParameters().Length == arguments.Length);
        try
        {
            return target.Invoke(null, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }
}
