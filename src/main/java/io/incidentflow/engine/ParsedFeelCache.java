package io.incidentflow.engine;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine for DMN, except that each expression is parsed once instead of on every evaluation.
 * <p>
 * Camunda's {@link ScalaFeelEngine} hands the expression text to the FEEL engine each time, which parses it again:
 * re-parsing every input entry of incident-priority and major-incident-criteria was most of the time an incident
 * start spent in its decisions. The parsed form depends on the text only (an input entry reaches its input value
 * through a variable of the evaluation context), so it is kept per text. The FEEL engine, its value mappers and
 * function providers are Camunda's, built by the same constructor; only where the parsed form comes from differs.
 */
public class ParsedFeelCache extends ScalaFeelEngine {

    /**
     * Expressions come from deployed models only, so the cache stays small; the bound guards a long-running node
     * against a pipeline that keeps deploying new expressions (beyond it, new texts are parsed every time again).
     */
    static final int MAX_CACHED_EXPRESSIONS = 10_000;

    private final Map<String, Either<Failure, ParsedExpression>> parsedUnaryTests = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> parsedExpressions = new ConcurrentHashMap<>();

    public ParsedFeelCache(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        Context context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variables);
            }
        };
        return (T) evaluate(parsed(parsedExpressions, expression, feelEngine::parseExpression), context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        StaticVariableProvider input = new StaticVariableProvider(new Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        ContextVariableWrapper contextVariables = new ContextVariableWrapper(variables);
        Context context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new CompositeVariableProvider(toScalaList(input, contextVariables));
            }
        };
        return BoxesRunTime.unboxToBoolean(
                evaluate(parsed(parsedUnaryTests, expression, feelEngine::parseUnaryTests), context));
    }

    /** The value, or the exception {@link ScalaFeelEngine} throws for a failure (with the FEEL engine's message). */
    private Object evaluate(Either<Failure, ParsedExpression> parsed, Context context) {
        Either<Failure, Object> result = parsed instanceof Right<Failure, ParsedExpression> expression
                ? feelEngine.eval(expression.value(), context)
                : new Left<>(((Left<Failure, ParsedExpression>) parsed).value());
        if (result instanceof Right<Failure, Object> value) {
            return value.value();
        }
        throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
    }

    private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
                                                            String expression,
                                                            Function<String, Either<Failure, ParsedExpression>> parser) {
        Either<Failure, ParsedExpression> parsed = cache.get(expression);
        if (parsed == null) {
            parsed = parser.apply(expression);
            if (cache.size() < MAX_CACHED_EXPRESSIONS) {
                cache.put(expression, parsed);
            }
        }
        return parsed;
    }

    /**
     * For {@code setFeelEngineFactory} of the DMN engine configuration: builds the engine with the function providers
     * that configuration has when the DMN engine is built (the process engine passes its own on to it).
     */
    public static FeelEngineFactory factoryFor(DefaultDmnEngineConfiguration configuration) {
        return () -> new ParsedFeelCache(Objects.requireNonNullElse(configuration.getFeelCustomFunctionProviders(), List.of()));
    }
}
