package io.incidentflow.modelgate;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a model may do. A model runs with the application's rights, so its expressions
 * may read process variables, call the allow-listed beans by name and use a few harmless methods; they
 * may not reach engine services, Java classes or any other bean. The same names are refused at run time
 * by {@link GuardedBeanElResolver}; this check names the problem at deployment, before anything runs.
 */
public final class ModelExpressions {

    /** Names the engine itself resolves in every expression (see Camunda's VariableScopeElResolver). */
    static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId");

    /**
     * Methods a model may call: reading and writing variables and plain string and collection helpers.
     * None of them returns an engine service, a class or a class loader.
     */
    static final Set<String> ALLOWED_METHODS = Set.of(
            "getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal", "setVariable", "setVariableLocal",
            "getBusinessKey", "getProcessBusinessKey", "getProcessInstanceId", "getId", "getCurrentActivityId",
            "getEventName", "concat", "contains", "containsKey", "startsWith", "endsWith", "equals",
            "equalsIgnoreCase", "isEmpty", "isBlank", "length", "size", "substring", "toLowerCase", "toUpperCase",
            "trim", "indexOf", "get");

    /** Functions a model may call; everything else (Spin, custom function mappers, namespaces) is refused. */
    static final Set<String> ALLOWED_FUNCTIONS = Set.of("now", "dateTime");

    /**
     * Properties and methods that lead from an ordinary object to the engine, classes or class loaders.
     * Refused wherever they appear, in models and at run time.
     */
    static final Set<String> FORBIDDEN_MEMBERS = Set.of(
            "class", "getClass", "classLoader", "getClassLoader", "contextClassLoader", "getContextClassLoader",
            "forName", "declaringClass", "getDeclaringClass", "module", "getModule",
            "processEngine", "getProcessEngine", "processEngineServices", "getProcessEngineServices",
            "processEngineConfiguration", "getProcessEngineConfiguration");

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    private static final Field DOT_PROPERTY = field(AstDot.class, "property");
    private static final Field BRACKET_PROPERTY = field(AstBracket.class, "property");

    private ModelExpressions() {
    }

    /** Whether the text holds an expression the engine would evaluate. */
    public static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * The reasons this expression may not stand in a model; empty when it may.
     *
     * @param isAllowedBean the beans models may name (delegates, listeners, value beans)
     * @param isOtherBean   every other bean of the application: naming one is refused
     */
    public static List<String> problems(String expression, Predicate<String> isAllowedBean, Predicate<String> isOtherBean) {
        List<String> problems = new ArrayList<>();
        try {
            walk(PARSER.build(expression).getRoot(), isAllowedBean, isOtherBean, problems);
        } catch (TreeBuilderException e) {
            problems.add("is not a valid expression (" + e.getMessage() + ")");
        }
        return problems;
    }

    private static void walk(Node node, Predicate<String> isAllowedBean, Predicate<String> isOtherBean,
                             List<String> problems) {
        if (node instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (!isAllowedBean.test(name) && isOtherBean.test(name)) {
                problems.add("names the bean '" + name + "', which models may not use");
            }
        } else if (node instanceof AstFunction function && !ALLOWED_FUNCTIONS.contains(function.getName())) {
            problems.add("calls the function '" + function.getName() + "', which models may not use");
        } else if (node instanceof AstMethod method) {
            String name = memberName(method.getChild(0));
            if (name == null || !ALLOWED_METHODS.contains(name)) {
                problems.add("calls the method '" + (name == null ? method.getChild(0) : name)
                        + "', which models may not use");
            }
        } else if (node instanceof AstProperty property) {
            String name = memberName(property);
            if (name != null && FORBIDDEN_MEMBERS.contains(name)) {
                problems.add("reads '" + name + "', which leads out of the model into the engine or Java classes");
            }
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            walk(node.getChild(i), isAllowedBean, isOtherBean, problems);
        }
    }

    /** The name of a property or method: {@code a.name} or {@code a['name']}; null when computed. */
    private static String memberName(Node node) {
        try {
            if (node instanceof AstDot) {
                return (String) DOT_PROPERTY.get(node);
            }
            if (node instanceof AstBracket && BRACKET_PROPERTY.get(node) instanceof AstString literal) {
                return (String) literal.eval(null, null);
            }
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<? extends AstNode> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's expression parser changed: " + type.getName() + "." + name, e);
        }
    }
}
